namespace CodeRunner.Webhooks;

/// <summary>Result callbacks: where they may go, how they are signed, how often they are tried.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>HMAC-SHA256 key for the <c>X-Coderun-Signature</c> header. Without it no callback is sent (the history says why). Default unset.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Delivery attempts per result. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; doubles after each. Default 1 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline of one attempt. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allow callbacks to loopback addresses (127.0.0.0/8, ::1, localhost). Default false.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Allow callbacks to private and link-local addresses (10/8, 172.16/12, 192.168/16, 169.254/16, fc00::/7, fe80::/10, 100.64/10). Default false.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
