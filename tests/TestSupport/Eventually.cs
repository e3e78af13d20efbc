namespace CodeRunner.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes: tests wait for conditions, never for time.</summary>
public static class Eventually
{
    public static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    public static async Task True(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not true within {within.TotalSeconds} s: {what}");
            await Task.Delay(20);
        }
    }

    public static Task True(Func<bool> condition, TimeSpan within, string what) =>
        True(() => Task.FromResult(condition()), within, what);
}
