namespace Analytics.Cli.Generation;

/// <summary>A catalogue entry of the generated chain.</summary>
internal sealed record Product(string Sku, string Name, string Category, decimal UnitPrice);
