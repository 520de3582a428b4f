namespace Madoguchi.Forms.Engine;

public static class FormDefinitionChecker
{
    public static System.Collections.Generic.IReadOnlyList<string> Check(Madoguchi.Forms.Definitions.FormDefinition d) => [];
}
