using Madoguchi.Platform.Tenancy;

namespace Madoguchi.PublicComments.Model;

/// <summary>意見: one opinion on a public comment process, as sent on the web or recorded by staff.</summary>
public sealed class Opinion : ITenantOwned
{
    public const int MaxBodyLength = 10_000;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }

    /// <summary>1, 2, 3… within the process; unique (the receipt number is built from it).</summary>
    public int Sequence { get; set; }

    public required string ReceiptNumber { get; set; }

    /// <summary>The section it is about; null for the draft as a whole.</summary>
    public Guid? SectionId { get; set; }

    public OpinionChannels Channel { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>Arrived after the deadline (staff entry; the web refuses such opinions).</summary>
    public bool IsLate { get; set; }

    // Personal data: visible to the process's staff only, never published, erased after retention.
    public string? SubmitterName { get; set; }
    public string? SubmitterAddress { get; set; }
    public string? SubmitterEmail { get; set; }
    public string? AgeGroup { get; set; }
    public string Body { get; set; } = "";

    /// <summary>SHA-256 of the form's one-time key (or the API's Idempotency-Key): the same key never makes two opinions.</summary>
    public string? SubmissionKeyHash { get; set; }

    /// <summary>SHA-256 of what was sent, to tell a retry from a different opinion under the same key.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>Staff member who recorded an email, FAX or post opinion.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>意見の概要: the staff's summary, without personal data, which is what gets published.</summary>
    public string PublicSummaryJa { get; set; } = "";

    public Guid? GroupId { get; set; }

    /// <summary>市の考え方 for this opinion alone (when not answered as a group).</summary>
    public string ResponseJa { get; set; } = "";

    /// <summary>案の修正の有無.</summary>
    public bool DraftChanged { get; set; }

    public DateTime? PersonalDataErasedAt { get; set; }

    public void ErasePersonalData(DateTime now)
    {
        SubmitterName = null;
        SubmitterAddress = null;
        SubmitterEmail = null;
        Body = "";
        PersonalDataErasedAt = now;
    }
}

/// <summary>Similar opinions answered together: one summary, one city response (市の考え方).</summary>
public sealed class OpinionGroup : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ProcessId { get; set; }
    public int Number { get; set; }
    public Guid? SectionId { get; set; }
    public required string SummaryJa { get; set; }
    public string ResponseJa { get; set; } = "";
    public bool DraftChanged { get; set; }
}
