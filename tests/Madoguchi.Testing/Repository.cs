namespace Madoguchi.Testing;

/// <summary>Finds the repository and the build output of the web app from a test's output folder.</summary>
public static class Repository
{
    /// <summary>The folder holding Madoguchi.slnx, found by walking up from the test's output folder.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Madoguchi.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Madoguchi.slnx above {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>Debug or Release: the configuration this test project was built in (…/bin/{Configuration}/{tfm}/).</summary>
    public static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    /// <summary>src/Madoguchi.Web/bin/{Configuration}/net10.0/Madoguchi.Web.dll; fails clearly when it was not built.</summary>
    public static string WebAppDll
    {
        get
        {
            var path = Path.Combine(Root, "src", "Madoguchi.Web", "bin", Configuration, "net10.0", "Madoguchi.Web.dll");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"The web app is not built at {path}. Build the solution first (scripts/test.sh does: dotnet build Madoguchi.slnx).");
        }
    }
}
