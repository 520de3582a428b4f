using Madoguchi.Forms.Api;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.DemoContent;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.PostalCodes;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Madoguchi.Forms;

/// <summary>The forms module: form definitions and versions, the field engine, drafts, submissions and the citizen journey.</summary>
public static class FormsModule
{
    public static IHostApplicationBuilder AddFormsModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new ModelAssembly(typeof(FormsModule).Assembly));
        builder.Services.AddOptions<FormsOptions>().BindConfiguration(FormsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FormDefinitionCache>();
        builder.Services.AddSingleton<ReceiptNumbers>();
        builder.Services.AddScoped<FormVersions>();
        builder.Services.AddScoped<DraftStore>();
        builder.Services.AddScoped<ResumeLinks>();
        builder.Services.AddScoped<UploadStore>();
        builder.Services.AddScoped<FunnelRecorder>();
        builder.Services.AddScoped<SubmissionService>();
        builder.Services.AddScoped<ISubmissionReader, SubmissionReader>();
        builder.Services.AddScoped<ISubmissionFields, Corrections.SubmissionFields>();
        builder.Services.AddScoped<ISubmissionAnswers, SubmissionAnswersReader>();
        builder.Services.AddScoped<FormJourney>();
        builder.Services.AddScoped<CitizenDrafts>();
        builder.Services.AddScoped<ICitizenApplications, CitizenApplicationsReader>();
        builder.Services.AddScoped<Counter.CounterDesk>();
        builder.Services.AddScoped<IProcedureForms, ProcedureForms>();
        builder.Services.AddScoped<IDemoContent, FormsDemoContent>();
        builder.Services.AddSingleton<DraftMaintenance>();
        builder.Services.AddHostedService(s => s.GetRequiredService<DraftMaintenance>());
        builder.Services.AddScoped<FormVersionEditor>();
        builder.Services.AddScoped<IPostalCodeDirectory, PostalCodeDirectory>();
        builder.Services.AddScoped<IDemoContent, PostalCodesDemoContent>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFormsModule(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapFormsApi();
        return app;
    }
}
