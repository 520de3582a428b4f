namespace Madoguchi.Platform.Email;

/// <summary>An email to send through the outbox. Plain text first: it reads everywhere. Attachments are optional (e.g. an iCalendar file).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file sent with an email; <paramref name="ContentType"/> may carry parameters (e.g. <c>text/calendar; method=REQUEST; charset=utf-8</c>).</summary>
#pragma warning disable CA1819 // A message payload: the bytes are serialised as they are.
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
#pragma warning restore CA1819
