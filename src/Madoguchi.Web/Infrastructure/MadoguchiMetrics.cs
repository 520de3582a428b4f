using System.Diagnostics.Metrics;

namespace Madoguchi.Web.Infrastructure;

/// <summary>The application's own metrics, exported at <c>/metrics</c> with ASP.NET Core's.</summary>
public sealed class MadoguchiMetrics
{
    public const string MeterName = "Madoguchi";

    public MadoguchiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        SignInFailures = meter.CreateCounter<long>("madoguchi.staff.sign_in.failures", description: "Failed staff sign-in attempts.");
    }

    public Counter<long> SignInFailures { get; }
}
