using System.Globalization;

namespace CodeRunner.Storage;

/// <summary>One numbered schema change, from an embedded <c>NNNN_name.sql</c> file.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

/// <summary>Reads a store's numbered migration files, embedded in this assembly, in order.</summary>
internal static class EmbeddedMigrations
{
    /// <param name="store">The resource prefix: <c>PostgreSql</c> or <c>Sqlite</c> (see Storage.csproj).</param>
    public static IReadOnlyList<Migration> Load(string store)
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var prefix = $"{store}.Migrations.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (migrations.Select(m => m.Version).Distinct().Count() != migrations.Count)
            throw new InvalidOperationException($"Two {store} migrations share a number.");
        return migrations;
    }
}
