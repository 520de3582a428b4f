using System.Reflection;
using NetArchTest.Rules;

namespace Madoguchi.ArchitectureTests;

/// <summary>Which assembly may use which: the platform knows no module, host or migrations; modules meet only through Contracts.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void Platform_DoesNotDependOnWebModulesOrMigrations()
    {
        var forbidden = new List<string> { Solution.WebName, "Madoguchi.Modules", "Madoguchi.Migrations" };
        forbidden.AddRange(Solution.Modules.Select(m => m.GetName().Name!));

        var references = Solution.Platform.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, r => forbidden.Any(f => r == f || r.StartsWith(f + ".", StringComparison.Ordinal)));

        // The platform names the migrations assemblies in strings (EF's MigrationsAssembly option), which NetArchTest would
        // count as a dependency; the assembly references above already prove there is none. Types are checked for the rest.
        var result = Types.InAssembly(Solution.Platform).ShouldNot()
            .HaveDependencyOnAny([.. forbidden.Where(f => !f.StartsWith("Madoguchi.Migrations", StringComparison.Ordinal))])
            .GetResult();
        Assert.True(result.IsSuccessful, Failing("Platform types depend on", result));
    }

    /// <summary>
    /// Migrations see the platform and EF Core; their design-time factory alone names each module's
    /// assembly (so both migration sets are built from the app's whole model), and the generated
    /// migrations depend on no module type.
    /// </summary>
    [Fact]
    public void Migrations_DependOnlyOnPlatformEntityFramework_AndModulesThroughTheirFactory()
    {
        Assert.Equal(2, Solution.MigrationAssemblies.Count);
        var moduleNames = Solution.Modules.Select(m => m.GetName().Name!).ToList();
        string[] allowed = ["System", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "netstandard", "mscorlib", Solution.PlatformName, .. moduleNames];
        foreach (var migrations in Solution.MigrationAssemblies)
        {
            var others = migrations.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(r => !allowed.Any(a => r == a || r.StartsWith(a + ".", StringComparison.Ordinal)))
                .ToList();
            Assert.True(others.Count == 0, $"{migrations.GetName().Name} references {string.Join(", ", others)}; migrations may use only the platform, EF Core and module assemblies.");

            var result = Types.InAssembly(migrations).That().DoNotHaveName("DesignTimeFactory").ShouldNot()
                .HaveDependencyOnAny([Solution.WebName, "Madoguchi.Modules", .. moduleNames])
                .GetResult();
            Assert.True(result.IsSuccessful, Failing($"{migrations.GetName().Name} types depend on", result));
        }
    }

    /// <summary>Every module project under src/Modules is one the host loads, so the rules below see it.</summary>
    [Fact]
    public void EveryModuleProject_IsReferencedByTheHost()
    {
        var modulesFolder = Path.Combine(Solution.Root, "src", "Modules");
        var projects = Directory.Exists(modulesFolder)
            ? Directory.GetFiles(modulesFolder, "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToList()
            : [];
        var loaded = Solution.Modules.Select(m => m.GetName().Name).ToList();
        Assert.All(projects, p => Assert.True(loaded.Contains(p), $"Module {p} is not referenced by {Solution.WebName}."));
    }

    [Fact]
    public void Modules_UseEachOtherOnlyThroughContracts()
    {
        foreach (var module in Solution.Modules)
        {
            foreach (var other in Solution.Modules.Where(m => m != module))
            {
                var otherName = other.GetName().Name!;
                var internals = Types.InAssembly(other).GetTypes()
                    .Where(t => t.FullName is not null && !IsContracts(t.Namespace, otherName) && !IsGenerated(t))
                    .Select(t => t.FullName!)
                    .ToArray();
                if (internals.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(internals).GetResult();
                Assert.True(result.IsSuccessful, Failing($"{module.GetName().Name} uses {otherName} outside its Contracts:", result));
            }
        }
    }

    [Fact]
    public void ModuleRules_SeeTheAssembliesTheHostLoads()
    {
        // Guards the discovery the module rules rely on: the platform and both migration sets are found and none is a module.
        var names = Solution.MadoguchiAssemblies.Select(a => a.GetName().Name).ToList();
        Assert.Contains(Solution.PlatformName, names);
        Assert.Contains(Solution.WebName, names);
        Assert.DoesNotContain(Solution.Modules, m => m == Solution.Platform || m == Solution.Web || Solution.MigrationAssemblies.Contains(m));

        // And the dependency check sees a real dependency when there is one (the rules above are not vacuous).
        var hostUsesPlatform = Types.InAssembly(Solution.Web).That().HaveNameStartingWith("ApiEndpoints").Should().HaveDependencyOn(Solution.PlatformName).GetResult();
        Assert.True(hostUsesPlatform.IsSuccessful, "NetArchTest does not see Madoguchi.Web's use of Madoguchi.Platform.");
    }

    /// <summary>
    /// Types the compilers write into every assembly under the same full name (collection-expression
    /// helpers such as <c>&lt;&gt;z__ReadOnlyList`1</c>, Razor's <c>AspNetCoreGeneratedDocument.Pages__ViewImports</c>):
    /// matching them by name would report a module as using another one it never references.
    /// </summary>
    private static bool IsGenerated(Type type) =>
        type.FullName!.StartsWith('<') || type.Namespace == "AspNetCoreGeneratedDocument";

    private static bool IsContracts(string? ns, string assemblyName) =>
        ns is not null && (ns == assemblyName + ".Contracts" || ns.StartsWith(assemblyName + ".Contracts.", StringComparison.Ordinal));

    private static string Failing(string what, NetArchTest.Rules.TestResult result) =>
        $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
