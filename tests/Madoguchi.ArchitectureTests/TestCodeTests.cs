using NetArchTest.Rules;

namespace Madoguchi.ArchitectureTests;

/// <summary>Tests run against real databases: the EF Core in-memory provider is never used (never mock the database).</summary>
public sealed class TestCodeTests
{
    // Built at run time: NetArchTest counts a string constant naming a namespace as a dependency on it.
    private static readonly string InMemory = string.Join('.', "Microsoft", "EntityFrameworkCore", "InMemory");

    [Fact]
    public void NoProjectOrPackageList_MentionsTheInMemoryProvider()
    {
        var files = Directory.GetFiles(Path.Combine(Solution.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Solution.Root, "Directory.*.props"))
            .Concat(Directory.GetFiles(Path.Combine(Solution.Root, "tests"), "Directory.*.props", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.False(File.ReadAllText(f).Contains(InMemory, StringComparison.OrdinalIgnoreCase), $"{f} mentions {InMemory}."));
    }

    [Fact]
    public void NoTestAssembly_DependsOnTheInMemoryProvider()
    {
        var built = TestAssemblyFiles();
        Assert.NotEmpty(built);
        foreach (var dll in built)
        {
            var result = Types.FromFile(dll).ShouldNot().HaveDependencyOn(InMemory).GetResult();
            Assert.True(result.IsSuccessful, $"{Path.GetFileName(dll)}: {string.Join(", ", result.FailingTypeNames ?? [])} use {InMemory}.");

            // Nor transitively: the package would be listed in the test's dependency manifest.
            var deps = Path.ChangeExtension(dll, ".deps.json");
            if (File.Exists(deps))
            {
                Assert.False(File.ReadAllText(deps).Contains(InMemory, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(deps)} brings in {InMemory}.");
            }
        }
    }

    /// <summary>tests/X/bin/{Configuration}/net10.0/X.dll for every test project that has been built (scripts/test.sh builds them all).</summary>
    private static List<string> TestAssemblyFiles() =>
        [.. Directory.GetFiles(Path.Combine(Solution.Root, "tests"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.Combine(Path.GetDirectoryName(p)!, "bin", Solution.Configuration, "net10.0", Path.GetFileNameWithoutExtension(p) + ".dll"))
            .Where(File.Exists)];
}
