using System.Net;
using CodeRunner.Webhooks;

namespace CodeRunner.Tests.Webhooks;

public class CallbackAddressesTests
{
    private static readonly WebhookOptions Strict = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("0.0.0.0")]
    public void InternalAddressesAreRefusedByDefault(string address) =>
        Assert.NotNull(CallbackAddresses.ProblemWithAddress(IPAddress.Parse(address), Strict));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    public void PublicAddressesAreAllowed(string address) =>
        Assert.Null(CallbackAddresses.ProblemWithAddress(IPAddress.Parse(address), Strict));

    [Fact]
    public void SettingsOpenLoopbackAndPrivateNetworksSeparately()
    {
        Assert.Null(CallbackAddresses.ProblemWithAddress(IPAddress.Loopback, new WebhookOptions { AllowLoopback = true }));
        Assert.NotNull(CallbackAddresses.ProblemWithAddress(IPAddress.Parse("10.0.0.1"), new WebhookOptions { AllowLoopback = true }));
        Assert.Null(CallbackAddresses.ProblemWithAddress(IPAddress.Parse("10.0.0.1"), new WebhookOptions { AllowPrivateNetworks = true }));
    }

    [Theory]
    [InlineData("https://user:pass@example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative")]
    public void MalformedUrlsAreRefused(string url) => Assert.NotNull(CallbackAddresses.ProblemWithUrl(url, Strict));

    [Fact]
    public void SignatureVerifiesOnlyTheSameTimestampAndBody()
    {
        var body = "{\"id\":1}"u8.ToArray();
        var signature = WebhookSignature.Sign("secret", 1700000000, body);
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify("secret", 1700000000, body, signature));
        Assert.False(WebhookSignature.Verify("secret", 1700000001, body, signature));
        Assert.False(WebhookSignature.Verify("other", 1700000000, body, signature));
        Assert.False(WebhookSignature.Verify("secret", 1700000000, "{\"id\":2}"u8.ToArray(), signature));
    }
}
