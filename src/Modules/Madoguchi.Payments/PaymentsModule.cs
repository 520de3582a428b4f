using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Api;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Expiry;
using Madoguchi.Payments.Fees;
using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Gateways.Card;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Payments.Refunds;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Payments;

/// <summary>The payments module (手数料・キャッシュレス決済): lifecycle, gateways, webhooks, refunds, reconciliation, slips.</summary>
public static class PaymentsModule
{
    public static IHostApplicationBuilder AddPaymentsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(new ModelAssembly(typeof(PaymentsModule).Assembly));
        services.AddScoped<PaymentService>();
        services.AddScoped<RefundService>();
        services.AddScoped<ReconciliationService>();
        services.AddScoped<WebhookReceiver>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<ReturnUrlPolicy>();
        services.AddScoped<SimulatedGateway>();
        services.AddScoped<IPaymentGateway>(sp => sp.GetRequiredService<SimulatedGateway>());
        services.AddScoped<GatewayRegistry>();
        services.AddScoped<IOutboxHandler, SimulatedWebhookHandler>();
        services.AddScoped<IOutboxHandler, PaymentNotifier>();
        services.AddScoped<IPaymentStatus, PaymentStatusReader>();
        services.AddScoped<IPaymentRequests, PaymentRequests>();
        services.AddSingleton<IFeeCalculator, FeeCalculator>();
        services.AddScoped<SubmissionPayments>();
        services.AddScoped<ISubmissionFeeStatus, SubmissionFeeStatus>();
        services.AddScoped<CounterPaymentService>();
        services.AddSingleton<PaymentExpiryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentExpiryWorker>());
        services.AddHttpClient(SimulatedWebhookHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        // The card / QR adapter's parts are configured but not offered as a gateway until a provider is contracted.
        services.AddOptions<CardGatewayOptions>().BindConfiguration(CardGatewayOptions.Section);
        services.AddSingleton<CardSignatureVerifier>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPaymentsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPaymentsApi();
        return app;
    }
}
