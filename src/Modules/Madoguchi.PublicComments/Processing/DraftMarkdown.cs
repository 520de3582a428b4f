using System.Text;
using System.Text.RegularExpressions;
using Madoguchi.PublicComments.Model;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Madoguchi.PublicComments.Processing;

/// <summary>
/// The draft (案) as Markdown: each <c>##</c> heading starts a section (項目) that opinions can point to.
/// Rendering never lets HTML through: raw HTML is escaped (Markdig's DisableHtml) and links or images
/// whose address has a scheme other than http, https or mailto (javascript:, data:…) lose it.
/// </summary>
public static partial class DraftMarkdown
{
    public const int MaxHeadingLength = 300;
    public const int MaxBodyLength = 20000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public sealed record Section(string Heading, string Body);

    /// <summary>Why a draft cannot be split; the resource key is <c>Error_Draft</c> + the name.</summary>
    public enum Problem
    {
        None,
        Empty,
        TextBeforeFirstHeading,
        HeadingTooLong,
        SectionTooLong,
    }

    /// <summary>Splits the draft at its level-2 headings; text before the first one is refused (it would belong to no section).</summary>
    public static (IReadOnlyList<Section> Sections, Problem Problem) Split(string? markdown)
    {
        var text = (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var document = Markdown.Parse(text, Pipeline);
        var headings = document.OfType<HeadingBlock>().Where(h => h.Level == 2).ToList();
        if (headings.Count == 0)
        {
            return ([], text.Trim().Length == 0 ? Problem.Empty : Problem.TextBeforeFirstHeading);
        }

        if (text[..headings[0].Span.Start].Trim().Length > 0)
        {
            return ([], Problem.TextBeforeFirstHeading);
        }

        var sections = new List<Section>();
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = PlainText(headings[i]);
            var start = Math.Min(text.Length, headings[i].Span.End + 1);
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : text.Length;
            var body = text[start..Math.Max(start, end)].Trim('\n', ' ');
            if (heading.Length == 0 || heading.Length > MaxHeadingLength)
            {
                return ([], Problem.HeadingTooLong);
            }

            if (body.Length > MaxBodyLength)
            {
                return ([], Problem.SectionTooLong);
            }

            sections.Add(new Section(heading, body));
        }

        return (sections, Problem.None);
    }

    /// <summary>The draft as it would be typed again, from the stored sections.</summary>
    public static string Join(IEnumerable<DraftSection> sections) =>
        string.Join("\n\n", sections.OrderBy(s => s.Number).Select(s => s.BodyJa.Length == 0 ? $"## {s.HeadingJa}" : $"## {s.HeadingJa}\n\n{s.BodyJa}"));

    /// <summary>A section's body as HTML that is safe to write into the page unencoded.</summary>
    public static string ToSafeHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = "#";
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        var compact = new string([.. url.Where(c => c > ' ')]).ToLowerInvariant();
        var scheme = Scheme().Match(compact);
        return !scheme.Success || scheme.Groups[1].Value is "http" or "https" or "mailto";
    }

    private static string PlainText(HeadingBlock heading)
    {
        var text = new StringBuilder();
        foreach (var inline in heading.Inline?.Descendants<Inline>() ?? [])
        {
            _ = inline switch
            {
                LiteralInline literal => text.Append(literal.Content.ToString()),
                CodeInline code => text.Append(code.Content),
                LineBreakInline => text.Append(' '),
                _ => text,
            };
        }

        return text.ToString().Trim();
    }

    [GeneratedRegex("^([a-z][a-z0-9+.-]*):")]
    private static partial Regex Scheme();
}
