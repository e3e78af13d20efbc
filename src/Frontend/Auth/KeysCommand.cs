using System.Text.Json;

namespace CodeRunner.Frontend.Auth;

/// <summary><c>keys create NAME [--operator]</c>: prints a new API key once, and the configuration entry that stores only its hash.</summary>
public static class KeysCommand
{
    public static int Run(string[] args)
    {
        var isOperator = args.Contains("--operator");
        args = [.. args.Where(a => a != "--operator")];
        if (args is not ["create", var name] || string.IsNullOrWhiteSpace(name))
        {
            Console.Error.WriteLine("usage: keys create NAME [--operator]");
            return 2;
        }
        var key = ApiKeys.NewKey();
        Console.WriteLine($"key (shown once, give it to {name}): {key}");
        Console.WriteLine("configuration entry (appsettings.json \"Auth:Keys\", or environment Auth__Keys__N__Name / __Sha256):");
        Console.WriteLine(JsonSerializer.Serialize(new { Name = name, Sha256 = ApiKeys.Hash(key), RequestsPerMinute = 600, Operator = isOperator }));
        return 0;
    }
}
