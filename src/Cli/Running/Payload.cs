using System.Text;
using System.Text.Unicode;
using CodeRunner.Runs;

namespace CodeRunner.Cli.Running;

/// <summary>Bytes to and from JSON strings: text as text, anything else as base64, so nothing is altered on the way.</summary>
public static class Payload
{
    public static (string Content, ContentEncoding Encoding) Encode(byte[] bytes) =>
        Utf8.IsValid(bytes)
            ? (Encoding.UTF8.GetString(bytes), ContentEncoding.Utf8)
            : (Convert.ToBase64String(bytes), ContentEncoding.Base64);

    public static byte[] Decode(string? content, ContentEncoding? encoding) =>
        content is null ? []
        : encoding == ContentEncoding.Base64 ? Convert.FromBase64String(content)
        : Encoding.UTF8.GetBytes(content);
}
