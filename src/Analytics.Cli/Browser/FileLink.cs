namespace Analytics.Cli.Browser;

/// <summary>A file the pages link to (an export, the text report): its name as shown, where it is served
/// (<see cref="BrowserLinks.File"/>) and its size in bytes when known.</summary>
internal sealed record FileLink(string Name, string Url, long? Bytes = null);
