namespace Analytics.Domain.Reporting;

/// <summary>
/// How much of each list the report shows. The e-mail body travels in the Step Functions state (256 KiB) and as an
/// SNS message (256 KB), so its lists are short and every uploaded name is cut; the HTML page shows more, and every
/// trading store only as a tile of the store map.
/// </summary>
public static class ReportLimits
{
    /// <summary>The most UTF-8 bytes the e-mail body may have; a body that would be longer is cut with a note.</summary>
    public const int MaxTextBytes = 150_000;

    /// <summary>SNS: subjects are printable ASCII, start with a letter, digit or punctuation and are under 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>Characters of an uploaded name (product, category, store id) kept in the e-mail.</summary>
    public const int TextNameLength = 60;

    /// <summary>Characters of an uploaded name kept in the HTML page.</summary>
    public const int HtmlNameLength = 120;

    /// <summary>Characters of a recommendation's title or action, or a failed step's cause.</summary>
    public const int SentenceLength = 600;

    /// <summary>Findings of the model's reading shown per section (it ranks at most ten).</summary>
    public const int TextModelFindings = 10;

    public const int TextAnomalies = 10;
    public const int TextContributors = 5;
    public const int TextRecommendations = 10;
    public const int TextFacts = 8;
    public const int TextProducts = 10;
    public const int TextMovers = 5;
    public const int TextMissingSkus = 10;
    public const int TextCategories = 12;
    public const int TextStores = 5;
    public const int TextTrendEntities = 5;
    public const int TextPaymentMethods = 8;
    /// <summary>Stores, categories and products listed each in the e-mail's returns section.</summary>
    public const int TextReturns = 5;

    /// <summary>Findings (material incidents) listed in the e-mail, and the facets shown under each.</summary>
    public const int TextFindings = 10;
    public const int TextFindingFacets = 5;

    public const int HtmlAnomalies = 100;
    /// <summary>Findings listed on the page, and the facets shown under each.</summary>
    public const int HtmlFindings = 50;
    public const int HtmlFindingFacets = 12;
    public const int HtmlContributors = 15;
    public const int HtmlRecommendations = 50;
    public const int HtmlFacts = 16;
    public const int HtmlMissingSkus = 100;
    public const int HtmlCategories = 30;
    public const int HtmlStores = 20;
    public const int HtmlPaymentMethods = 20;
    /// <summary>Stores and categories listed each in the page's returns section.</summary>
    public const int HtmlReturns = 20;

    /// <summary>Categories drawn as their own bar in the category mix chart; the rest are one "other" bar.</summary>
    public const int ChartCategories = 12;
}
