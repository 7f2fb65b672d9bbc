using System.Text.Json;

namespace Analytics.Domain.Exports;

/// <summary>
/// Column writers shared by the datasets. Every dataset writes every column on every row, null when there is no
/// value (QuickSight wants all files of a manifest to have the same columns). Money and other decimals are written
/// from <see cref="decimal"/> as they are, scale included (12.50 stays 12.50), never through <see cref="double"/>.
/// </summary>
internal static class ExportJson
{
    public static void WriteDecimalOrNull(this Utf8JsonWriter json, string column, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(column, number);
        }
        else
        {
            json.WriteNull(column);
        }
    }

    public static void WriteIntegerOrNull(this Utf8JsonWriter json, string column, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(column, number);
        }
        else
        {
            json.WriteNull(column);
        }
    }

    /// <summary>A double that is not finite has no JSON number: written as null.</summary>
    public static void WriteDoubleOrNull(this Utf8JsonWriter json, string column, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(column, number);
        }
        else
        {
            json.WriteNull(column);
        }
    }

    public static void WriteBooleanOrNull(this Utf8JsonWriter json, string column, bool? value)
    {
        if (value is { } flag)
        {
            json.WriteBoolean(column, flag);
        }
        else
        {
            json.WriteNull(column);
        }
    }

    /// <summary>An enum member as a snake_case value: <c>NoSales</c> → <c>no_sales</c>.</summary>
    public static string Snake<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
