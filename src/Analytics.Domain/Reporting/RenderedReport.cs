namespace Analytics.Domain.Reporting;

/// <summary>The daily report: the e-mail's subject and plain-text body (SNS e-mail), and the HTML page with charts.</summary>
public sealed record RenderedReport(string Subject, string Text, string Html);
