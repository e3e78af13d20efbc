using CodeRunner.Frontend.Compatibility;

namespace CodeRunner.Frontend.Languages;

/// <summary>Which toolchain versions a request's version selector accepts (the native <c>version</c> field and Piston's).</summary>
public static class VersionSelector
{
    /// <summary>
    /// Loose semver: <c>*</c>, <c>x</c> or empty accept any version; otherwise the selector's leading
    /// <c>^ ~ = v</c> are dropped and its major version must equal ours, so a version pinned for
    /// another service ("3.10.0") still finds our Python 3.11.2; after <c>~</c> the minor must equal
    /// ours too. A version we do not know yet (no silo has reported it) accepts any selector.
    /// </summary>
    public static bool Accepts(string selector, string version)
    {
        selector = selector.Trim();
        if (selector is "" or "*" or "x" or "X" || ToolchainVersion.Semver(version) is not { } ours)
            return true;
        var tilde = selector.StartsWith('~');
        var wanted = selector.TrimStart('^', '~', '=', 'v', 'V', ' ').Split('.');
        var have = ours.Split('.');
        if (!Matches(wanted[0], have[0]))
            return false;
        return !tilde || wanted.Length < 2 || Matches(wanted[1], have[1]);
    }

    private static bool Matches(string wanted, string have) =>
        wanted is "*" or "x" or "X" || (int.TryParse(wanted, out var w) && int.TryParse(have, out var h) && w == h);
}
