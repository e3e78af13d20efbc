using System.Text.RegularExpressions;

namespace CodeRunner.Frontend.Compatibility;

/// <summary>Our toolchain version strings ("Python 3.11.2", "gcc (Debian 12.2.0-14) 12.2.0") as the semver-like x.y.z the peers' clients expect.</summary>
internal static partial class ToolchainVersion
{
    /// <summary>The first x.y[.z] in <paramref name="version"/>, padded to three parts; null when there is none (such as "unknown").</summary>
    public static string? Semver(string version)
    {
        var match = Number().Match(version);
        if (!match.Success)
            return null;
        return match.Groups[3].Success ? match.Value : $"{match.Value}.0";
    }

    /// <summary><see cref="Semver"/>, or the string itself when it holds no version number.</summary>
    public static string SemverOrRaw(string version) => Semver(version) ?? version;

    [GeneratedRegex(@"(\d+)\.(\d+)(?:\.(\d+))?")]
    private static partial Regex Number();
}
