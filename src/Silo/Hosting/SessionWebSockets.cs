namespace CodeRunner.Silo.Hosting;

public static class SessionWebSockets
{
    /// <summary>
    /// WebSockets for interactive sessions. Keep-alive pings every 15 s keep idle sessions open
    /// through proxies, and let a dead peer be noticed.
    /// </summary>
    public static IApplicationBuilder UseSessionWebSockets(this IApplicationBuilder app) =>
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
}
