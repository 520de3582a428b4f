using System.Globalization;
using System.Net;
using System.Text;
using Madoguchi.Plan.Model;

namespace Madoguchi.Plan.Progress;

/// <summary>
/// A server-rendered SVG line chart of one priority goal: its measurements by fiscal year, the straight
/// path from baseline to target (dashed) and the target. No JavaScript; the page puts the same figures
/// in a table beside it, and the SVG carries a title and description for screen readers.
/// </summary>
public static class GoalChart
{
    private const int Width = 560;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    public static string Svg(PriorityGoal goal, string id, string title, string description)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var points = goal.Measurements.OrderBy(m => m.FiscalYear).ThenBy(m => m.MeasuredOn)
            .GroupBy(m => m.FiscalYear).Select(g => (Year: g.Key, Value: g.Last().Value)).ToList();
        var firstYear = Math.Min(goal.BaselineFiscalYear, points.Count > 0 ? points.Min(p => p.Year) : goal.BaselineFiscalYear);
        var lastYear = Math.Max(goal.TargetFiscalYear, points.Count > 0 ? points.Max(p => p.Year) : goal.TargetFiscalYear);
        var values = points.Select(p => p.Value).Append(goal.BaselineValue).Append(goal.TargetValue).ToList();
        var max = NiceMax(values.Max());
        var min = Math.Min(0, values.Min());

        double X(int year) => Left + ((double)(year - firstYear) / Math.Max(1, lastYear - firstYear) * (Width - Left - Right));
        double Y(decimal value) => Top + ((double)(max - value) / (double)Math.Max(1, max - min) * (Height - Top - Bottom));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"goal-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title><desc id=\"{id}-desc\">{WebUtility.HtmlEncode(description)}</desc>");

        // Horizontal grid lines with values.
        for (var i = 0; i <= 4; i++)
        {
            var value = min + ((max - min) * i / 4);
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" class=\"goal-chart__grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" class=\"goal-chart__label\">{value.ToString("0.#", CultureInfo.InvariantCulture)}</text>");
        }

        for (var year = firstYear; year <= lastYear; year++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(year))}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\" class=\"goal-chart__label\">R{year - 2018}</text>");
        }

        // The path from baseline to target, and the target.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(goal.BaselineFiscalYear))}\" y1=\"{F(Y(goal.BaselineValue))}\" x2=\"{F(X(goal.TargetFiscalYear))}\" y2=\"{F(Y(goal.TargetValue))}\" class=\"goal-chart__path\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(goal.TargetFiscalYear) - 6)}\" y=\"{F(Y(goal.TargetValue) - 6)}\" width=\"12\" height=\"12\" class=\"goal-chart__target\"/>");

        if (points.Count > 0)
        {
            svg.Append("<polyline class=\"goal-chart__line\" points=\"");
            svg.AppendJoin(' ', points.Select(p => $"{F(X(p.Year))},{F(Y(p.Value))}"));
            svg.Append("\"/>");
            foreach (var (year, value) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(year))}\" cy=\"{F(Y(value))}\" r=\"5\" class=\"goal-chart__point\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A round upper bound a little above the largest value: 80 → 100, 1500 → 2000.</summary>
    public static decimal NiceMax(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * magnitude >= value * 1.05m)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
