namespace CodeRunner.Frontend.Auth;

/// <summary>API keys and the rate limits per caller.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Whether requests without a key are served. Unset: yes only for the single-node default (a
    /// frontend that hosts its own silo and has no keys configured); a cluster frontend needs keys.
    /// </summary>
    public bool? AllowAnonymous { get; set; }

    /// <summary>The keys, stored hashed: <c>dotnet CodeRunner.Frontend.dll keys create NAME</c> prints a key and its entry.</summary>
    public IList<ApiKeyEntry> Keys { get; set; } = [];

    /// <summary>Requests a minute for anonymous callers, per client address. Default 600.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 600;
}

/// <summary>One API key.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Who holds it (logged, never secret).</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key. The key itself is never stored.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Requests a minute this key may make. Default 600.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Submissions this key may have queued or running at once; 0 for no limit. Default 100.</summary>
    public int MaxActiveSubmissions { get; set; } = 100;

    /// <summary>Whether this key may use the dashboard's data and the admin API (<c>keys create NAME --operator</c>). Default false.</summary>
    public bool Operator { get; set; }
}
