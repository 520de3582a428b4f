namespace Madoguchi.Platform.Email;

/// <summary>An email to send through the outbox. Plain text first: it reads everywhere.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);
