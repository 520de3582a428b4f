using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Madoguchi.Bookings.Reservations;

/// <summary>
/// Absolute links for emails and API answers: the current request's origin, or outside a request
/// (reminders, offers sent by the background job) <c>Bookings:PublicBaseUrl</c>.
/// </summary>
public sealed class BookingLinks(IHttpContextAccessor accessor, IConfiguration configuration)
{
    public string BaseUrl
    {
        get
        {
            var request = accessor.HttpContext?.Request;
            if (request is not null && request.Host.HasValue)
            {
                return $"{request.Scheme}://{request.Host}{request.PathBase}";
            }

            return (configuration["Bookings:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
        }
    }

    public string Manage(string reference, string token) => $"{BaseUrl}/bookings/manage/{Uri.EscapeDataString(reference)}?token={Uri.EscapeDataString(token)}";

    public string Ics(string reference, string token) => $"{BaseUrl}/api/v1/bookings/{Uri.EscapeDataString(reference)}/ics?token={Uri.EscapeDataString(token)}";

    public string Offer(string token) => $"{BaseUrl}/bookings/waitlist/offer?token={Uri.EscapeDataString(token)}";

    public string Lottery(Guid lotteryId) => $"{BaseUrl}/bookings/lotteries/{lotteryId}";
}
