using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Madoguchi.Testing;

/// <summary>Reads pages as a browser without JavaScript would: parse, find forms, post them back.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(content).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>Fills a form's fields (keeping hidden ones, such as the antiforgery token) and posts it.</summary>
    /// <summary>Submits a form of the page as a browser would: its inputs, with <paramref name="values"/> typed over them, and <paramref name="files"/> chosen (then as multipart/form-data).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string formSelector, IDictionary<string, string> values, string? submitName = null,
        IDictionary<string, (string FileName, string ContentType, byte[] Bytes)>? files = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || input.Type is "submit" or "button")
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio" && !input.IsChecked && !values.ContainsKey(input.Name))
            {
                continue;
            }

            if (input.Type is "checkbox" or "radio" && values.ContainsKey(input.Name))
            {
                continue; // the value to send is added once below, as a browser sends the one checked
            }

            fields.Add(new(input.Name, values.TryGetValue(input.Name, out var v) ? v : input.Value));
        }

        foreach (var (name, value) in values)
        {
            if (!fields.Any(f => f.Key == name))
            {
                fields.Add(new(name, value));
            }
        }

        if (submitName is not null)
        {
            fields.Add(new(submitName, ""));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page.Url : form.Action;
        var uri = new Uri(action, UriKind.RelativeOrAbsolute);
        var path = uri.IsAbsoluteUri ? uri.PathAndQuery : action;
        if (files is null)
        {
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(new Uri(path, UriKind.Relative), content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, (fileName, contentType, bytes)) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            multipart.Add(file, name, fileName);
        }

        return await client.PostAsync(new Uri(path, UriKind.Relative), multipart);
    }
}
