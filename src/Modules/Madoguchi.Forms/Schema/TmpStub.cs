namespace Madoguchi.Forms.Schema;

public static class FormSchema
{
    public static System.Text.Json.Nodes.JsonObject Generate(Madoguchi.Forms.Definitions.FormDefinition d, string id, string title) => throw new System.NotImplementedException();
}
