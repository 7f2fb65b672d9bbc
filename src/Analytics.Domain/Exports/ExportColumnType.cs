namespace Analytics.Domain.Exports;

/// <summary>What an exported column holds, as its JSON value is written: null is allowed in every type.</summary>
public enum ExportColumnType
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON number without a fraction (counts, ranks).</summary>
    WholeNumber,

    /// <summary>A JSON number that may have a fraction (money, rates, percentages, z-scores).</summary>
    FractionalNumber,

    /// <summary>JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON string <c>yyyy-MM-dd</c>.</summary>
    Date,
}
