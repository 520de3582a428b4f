using System.Reflection;

namespace Madoguchi.ArchitectureTests;

/// <summary>The assemblies of the solution, as the app loads them, and where its sources and builds are.</summary>
public static class Solution
{
    public const string PlatformName = "Madoguchi.Platform";
    public const string WebName = "Madoguchi.Web";
    public const string MigrationsPrefix = "Madoguchi.Migrations.";

    public static Assembly Platform => typeof(Madoguchi.Platform.Data.MadoguchiDb).Assembly;
    public static Assembly Web => typeof(Program).Assembly;

    /// <summary>Every Madoguchi.* assembly reachable from the web host (and the test support), loaded.</summary>
    public static IReadOnlyList<Assembly> MadoguchiAssemblies { get; } = LoadMadoguchiAssemblies();

    public static IReadOnlyList<Assembly> MigrationAssemblies =>
        [.. MadoguchiAssemblies.Where(a => a.GetName().Name!.StartsWith(MigrationsPrefix, StringComparison.Ordinal))];

    /// <summary>
    /// Modules: every Madoguchi.* assembly the host references that is not the platform, the host,
    /// a migrations set or test code (e.g. Madoguchi.Forms under src/Modules).
    /// </summary>
    public static IReadOnlyList<Assembly> Modules =>
        [.. MadoguchiAssemblies.Where(a => IsModuleName(a.GetName().Name!))];

    public static bool IsModuleName(string name) =>
        name.StartsWith("Madoguchi.", StringComparison.Ordinal)
        && name is not PlatformName and not WebName and not "Madoguchi.Testing"
        && !name.StartsWith(MigrationsPrefix, StringComparison.Ordinal)
        && !name.EndsWith("Tests", StringComparison.Ordinal)
        && !name.StartsWith("Madoguchi.Bench", StringComparison.Ordinal);

    /// <summary>The folder holding Madoguchi.slnx.</summary>
    public static string Root => Madoguchi.Testing.Repository.Root;

    /// <summary>Debug or Release: the configuration this project was built in.</summary>
    public static string Configuration => Madoguchi.Testing.Repository.Configuration;

    private static List<Assembly> LoadMadoguchiAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([Web, Platform, typeof(Madoguchi.Testing.MadoguchiApp).Assembly]);
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("Madoguchi.", StringComparison.Ordinal)))
            {
                if (!found.ContainsKey(reference.Name!))
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
            }
        }

        // Migrations are loaded by name at run time, not referenced from code: load them the same way.
        foreach (var name in new[] { "Madoguchi.Migrations.Sqlite", "Madoguchi.Migrations.Postgres" })
        {
            if (!found.ContainsKey(name))
            {
                found[name] = Assembly.Load(name);
            }
        }

        return [.. found.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];
    }
}
