using System.Net;
using System.Net.Sockets;

namespace CodeRunner.Tests.Support;

/// <summary>
/// Free loopback ports for test servers. The OS picks one; a port is then free only until someone
/// binds it, so callers retry with another when their server cannot bind. Ports handed out in this
/// process are not handed out twice while in use.
/// </summary>
internal static class LoopbackPorts
{
    private static readonly HashSet<int> InUse = [];

    public static int Take()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (InUse)
            {
                // 5432 is the host's default cluster: never ours, whatever the OS says.
                if (port != 5432 && InUse.Add(port))
                    return port;
            }
        }
    }

    public static void Return(int port)
    {
        lock (InUse)
            InUse.Remove(port);
    }
}
