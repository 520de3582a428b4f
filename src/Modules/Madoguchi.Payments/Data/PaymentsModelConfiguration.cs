using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Refunds;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Payments.Data;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        // The database's own guard: never more refunded than captured, never a non-positive amount (ADR 0060).
        builder.ToTable("payments_payments", t =>
        {
            t.HasCheckConstraint("CK_payments_payments_amount", "\"AmountYen\" > 0");
            t.HasCheckConstraint("CK_payments_payments_refunded", "\"RefundedYen\" >= 0 AND \"RefundedYen\" <= \"CapturedYen\"");
        });
        builder.HasIndex(p => new { p.OrganizationId, p.PaymentNumber }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.Reference });
        builder.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.Property(p => p.PaymentNumber).HasMaxLength(16);
        builder.Property(p => p.Description).HasMaxLength(Payment.MaxDescriptionLength);
        builder.Property(p => p.ReturnUrl).HasMaxLength(Payment.MaxReturnUrlLength);
        builder.Property(p => p.Gateway).HasMaxLength(30);
        builder.Property(p => p.Channel).HasMaxLength(30);
        builder.Property(p => p.CreatedBy).HasMaxLength(100);
        builder.Property(p => p.FailureCode).HasMaxLength(50);
        builder.Property(p => p.PayerName).HasMaxLength(Payment.MaxPayerNameLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentTransitionConfiguration : IEntityTypeConfiguration<PaymentTransition>
{
    public void Configure(EntityTypeBuilder<PaymentTransition> builder)
    {
        builder.ToTable("payments_transitions");
        builder.HasIndex(t => new { t.PaymentId, t.Id });
        builder.HasIndex(t => new { t.OrganizationId, t.OccurredAt });
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.FailureCode).HasMaxLength(50);
        builder.Property(t => t.Source).HasMaxLength(30);
        builder.Property(t => t.Actor).HasMaxLength(100);
        builder.HasOne<Payment>().WithMany().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("payments_refunds", t => t.HasCheckConstraint("CK_payments_refunds_amount", "\"AmountYen\" > 0 AND \"RemainingYen\" >= 0"));
        builder.HasIndex(r => r.PaymentId);
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookReceiptConfiguration : IEntityTypeConfiguration<WebhookReceipt>
{
    public void Configure(EntityTypeBuilder<WebhookReceipt> builder)
    {
        builder.ToTable("payments_webhook_receipts");
        builder.HasIndex(r => new { r.OrganizationId, r.Gateway, r.EventId }).IsUnique();
        builder.Property(r => r.Gateway).HasMaxLength(30);
        builder.Property(r => r.EventId).HasMaxLength(100);
        builder.Property(r => r.Outcome).HasMaxLength(30);
    }
}

internal sealed class SimulatedChargeConfiguration : IEntityTypeConfiguration<SimulatedCharge>
{
    public void Configure(EntityTypeBuilder<SimulatedCharge> builder)
    {
        builder.ToTable("payments_simulated_charges");
        builder.HasKey(c => c.PaymentId);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.FailureCode).HasMaxLength(50);
        builder.HasOne<Payment>().WithOne().HasForeignKey<SimulatedCharge>(c => c.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CounterReceiptConfiguration : IEntityTypeConfiguration<CounterReceipt>
{
    public void Configure(EntityTypeBuilder<CounterReceipt> builder)
    {
        // One counter record per payment: the database's own guard against a double recording (窓口収納).
        builder.ToTable("payments_counter_receipts", t => t.HasCheckConstraint("CK_payments_counter_receipts_amount", "\"AmountYen\" > 0"));
        builder.HasIndex(r => r.PaymentId).IsUnique();
        builder.HasIndex(r => new { r.OrganizationId, r.ReceiptNumber }).IsUnique();
        builder.Property(r => r.ReceiptNumber).HasMaxLength(20);
        builder.Property(r => r.Method).HasMaxLength(30);
        builder.Property(r => r.ReceivedBy).HasMaxLength(100);
        builder.Property(r => r.ReceivedByName).HasMaxLength(100);
        builder.HasOne<Payment>().WithMany().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Restrict);
    }
}
