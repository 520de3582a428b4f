using Madoguchi.Forms.Definitions;

namespace Madoguchi.Forms.DemoContent;

/// <summary>TEMPORARY (replaced by the demo-forms branch).</summary>
public static class DemoForms
{
    public static IReadOnlyDictionary<string, FormDefinition> All { get; } = new Dictionary<string, FormDefinition>();
}
