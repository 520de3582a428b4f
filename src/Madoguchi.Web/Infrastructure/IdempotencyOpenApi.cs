using Madoguchi.Platform.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Madoguchi.Web.Infrastructure;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every endpoint marked <c>.WithIdempotency()</c>.</summary>
internal static class IdempotencyOpenApi
{
    public static Task AddHeader(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpointMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyFilter.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "任意。再送しても二重に作成されないための一意なキー（UUID 推奨、24時間有効）。 Optional: a unique key (a UUID is a good choice) that makes retries safe for 24 hours; a retry returns the first answer with `Idempotent-Replayed: true`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyRecord.MaxKeyLength },
            });
        }

        return Task.CompletedTask;
    }
}
