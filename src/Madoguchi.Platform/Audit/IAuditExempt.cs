namespace Madoguchi.Platform.Audit;

/// <summary>
/// A tenant row whose creation and changes are not written to the audit chain automatically: rows a
/// citizen writes in volume where the row itself is the record (drafts, submissions, funnel events,
/// uploads). Every chained entry takes the organisation's chain lock, which would serialise all
/// citizens' submissions. Staff access to such rows is audited explicitly by the module that shows them.
/// </summary>
#pragma warning disable CA1040 // A marker interface: the audit rule is about the type, not about members.
public interface IAuditExempt;
#pragma warning restore CA1040
