namespace Madoguchi.Forms.Counter;

/// <summary>The counter pages' addresses (all under /staff, so staff sign-in and MFA apply).</summary>
public static class CounterUrls
{
    public const string Home = "/staff/counter";

    public static string Step(Guid draftId, string stepId) => $"/staff/counter/{draftId}/{stepId}";

    public static string Confirm(Guid draftId) => $"/staff/counter/{draftId}/confirm";

    public static string Print(Guid submissionId) => $"/staff/counter/submissions/{submissionId}";
}
