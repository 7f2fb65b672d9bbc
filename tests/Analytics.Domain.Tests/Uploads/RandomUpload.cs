using System.Globalization;
using System.Text;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// Random upload files, reproducible from a seed, for comparing the scanner with the state machine. Most tokens are
/// written the usual way; a few percent take a shape the scanner must leave alone or a value with a problem (escapes,
/// odd numbers, another field order, unknown fields, repeated ids, dates off the business date, long or empty texts),
/// whitespace goes between tokens in some files, and some files end early or carry garbage. A third of store-days are
/// version 2, with returns before or after their transactions, refunding sales of this store-day or another, of this
/// store or another (named or not), with the same kinds of oddities.
/// <para>A <c>ÿ</c> in a text stands for a byte that is not UTF-8: <see cref="Generate"/> writes C3 28 for its C3 BF.</para>
/// </summary>
internal sealed class RandomUpload
{
    private static readonly string[] Skus = ["K1", "K2", "K3", "K4", "K5", "Kö", "SKU-000123"];
    private static readonly string[] Categories = ["Drinks", "Home", "Bakery", "Küche"];
    private static readonly string[] Methods = ["card", "cash", "gift card", "cartão"];
    private static readonly string[] Quantities = ["0", "-1", "01", "1.5", "1e1", "2000000", "1000000", "12"];
    private static readonly string[] Amounts = ["0", "0.0001", "1.50000", "1.23456", "1e2", "-1", "01.5", "1000001", "999999.9999", "-0", "0.", "7.25"];

    private readonly Random _random;
    private readonly StringBuilder _json = new();
    private readonly double _whitespace;
    private readonly double _oddness;
    private readonly List<string> _ids = [];
    private string _date = "";

    private RandomUpload(int seed)
    {
        _random = new Random(seed);
        _whitespace = _random.Next(3) == 0 ? 0 : _random.NextDouble() * 0.3;
        _oddness = _random.Next(2) == 0 ? 0 : _random.NextDouble();
    }

    public static byte[] Generate(int seed)
    {
        var bytes = Encoding.UTF8.GetBytes(new RandomUpload(seed).File());
        for (var i = bytes.AsSpan().IndexOf("ÿ"u8); i >= 0; i = bytes.AsSpan().IndexOf("ÿ"u8))
        {
            bytes[i + 1] = (byte)'(';
        }

        return bytes;
    }

    private string File()
    {
        var storeDays = _random.Next(1, 4);
        var array = storeDays > 1 || Chance(0.3);
        Token(array ? "[" : "");
        for (var i = 0; i < storeDays; i++)
        {
            Token(i > 0 ? "," : "");
            StoreDay(i);
        }

        Token(array ? "]" : "");
        var json = _json.ToString();
        return (Odd(0.3) ? _random.Next(3) : 2) switch
        {
            0 => json[..(_random.Next(json.Length - 1) + 1)],
            1 => json.Insert(_random.Next(json.Length), Pick(["x", "\"", "{", ",", "\u0001"])),
            _ => json,
        };
    }

    private void StoreDay(int index)
    {
        var zone = Chance(0.5);
        var withReturns = Chance(0.33);
        Token("{");
        Field("schema_version", withReturns != Odd(0.03) ? "2" : "1", ",");
        Field("store_id", Quote($"store-{index}"), ",");
        _date = Odd(0.05) ? "2025-02-01" : "2025-01-15";
        Field("business_date", Quote(_date), ",");
        Field("currency", Quote("USD"), ",");
        if (zone)
        {
            Field("time_zone", Quote("America/New_York"), ",");
        }

        var returnsFirst = withReturns && Chance(0.5);
        if (returnsFirst)
        {
            Returns(index);
            Token(",");
        }

        Key("transactions");
        Token("[");
        var count = _random.Next(Odd(0.02) ? 0 : 1, 12);
        for (var i = 0; i < count; i++)
        {
            Token(i > 0 ? "," : "");
            Transaction();
        }

        Token("]");
        if (withReturns && !returnsFirst)
        {
            Token(",");
            Returns(index);
        }

        Token("}");
    }

    /// <summary>A <c>returns</c> field: returns of the file's transactions (or of unknown ones, of another day or store).</summary>
    private void Returns(int storeIndex)
    {
        Key("returns");
        Token("[");
        var count = _random.Next(Odd(0.05) ? 0 : 1, 4);
        for (var i = 0; i < count; i++)
        {
            Token(i > 0 ? "," : "");
            Token("{");
            var fields = new List<(string Name, string Value)>
            {
                ("return_id", Text(Odd(0.03) ? "R-0" : Odd(0.02) ? "" : $"R-{i}")),
                ("timestamp", Text(Timestamp())),
                ("payment_method", Text(Pick(Methods))),
            };
            Shuffle(fields, 4 * _oddness * 0.04);
            if (Odd(0.02))
            {
                fields.Insert(_random.Next(fields.Count + 1), ("till", Quote("3")));
            }

            foreach (var (name, value) in fields)
            {
                Field(name, value, ",");
            }

            if (Chance(0.5))
            {
                Original(storeIndex);
                Token(",");
            }

            Key("items");
            Token("[");
            var items = _random.Next(Odd(0.02) ? 0 : 1, 3);
            for (var j = 0; j < items; j++)
            {
                Token(j > 0 ? "," : "");
                Item();
            }

            Token("]");
            Token("}");
        }

        Token("]");
    }

    /// <summary>A return's <c>original</c>: a sale of this file or not, on this business date, an earlier one, a later
    /// one or no date, of this store (named or not), another one or one whose id is invalid.</summary>
    private void Original(int storeIndex)
    {
        Key("original");
        Token("{");
        var fields = new List<(string Name, string Value)>
        {
            ("transaction_id", Text(Odd(0.1) || _ids.Count == 0 ? "T-unknown" : Odd(0.02) ? "" : Pick([.. _ids]))),
            ("business_date", Quote(Odd(0.08) ? Pick(["2025-01-16", "2025-02-30", "2025-1-10", "0000-01-10", "15/01/2025"])
                                    : Chance(0.5) ? "2025-01-10" : _date)),
        };
        if (Chance(0.3))
        {
            fields.Add(("store_id", Text(Odd(0.1) ? Pick(["store 1", "-x", "", "störe"]) : Chance(0.5) ? $"store-{storeIndex}" : "store-9")));
        }

        Shuffle(fields, 4 * _oddness * 0.03);
        if (Odd(0.02))
        {
            fields.Insert(_random.Next(fields.Count + 1), ("till", Quote("3")));
        }

        for (var i = 0; i < fields.Count; i++)
        {
            Field(fields[i].Name, fields[i].Value, i < fields.Count - 1 ? "," : "");
        }

        Token("}");
    }

    private void Transaction()
    {
        var id = Odd(0.03) && _ids.Count > 0 ? Pick([.. _ids]) : $"T-{_ids.Count}";
        _ids.Add(id);
        var fields = new List<(string Name, string Value)>
        {
            ("transaction_id", Text(Odd(0.02) ? "" : Odd(0.05) ? id + "-é" : id)),
            ("timestamp", Text(Timestamp())),
            ("payment_method", Text(Pick(Methods))),
        };
        Shuffle(fields, 4 * _oddness * 0.04);
        Token("{");
        foreach (var (name, value) in fields)
        {
            Field(name, value, ",");
        }

        if (Odd(0.02))
        {
            Field("note", Quote("late"), ",");
        }

        Key("items");
        Token("[");
        var items = _random.Next(Odd(0.02) ? 0 : 1, 5);
        for (var i = 0; i < items; i++)
        {
            Token(i > 0 ? "," : "");
            Item();
        }

        Token("]");
        Token("}");
    }

    private string Timestamp()
    {
        var hour = _random.Next(24);
        return (Odd(0.2) ? _random.Next(5) : 5) switch
        {
            0 => $"{_date}T{hour:00}:30:00Z",
            1 => $"2025-01-16T{hour:00}:30:00-05:00",
            2 => "2025-01-15T10:30:00",
            3 => "2025-02-30T10:30:00-05:00",
            4 => "2025-01-15 10:30:00-05:00",
            _ => $"{_date}T{hour:00}:{_random.Next(60):00}:{_random.Next(60):00}-05:00",
        };
    }

    private void Item()
    {
        var index = _random.Next(Skus.Length);
        var quantity = Odd(0.05) ? Pick(Quantities) : _random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
        var price = Odd(0.05) ? Pick(Amounts) : Money(_random.Next(1, 5000));
        var fields = new List<(string Name, string Value)>
        {
            ("sku", Text(Skus[index])),
            ("name", Text(Odd(0.05) ? "Other name" : Odd(0.01) ? new string('n', 300) : $"Name {index}")),
            ("category", Text(Odd(0.05) ? Pick(Categories) : Categories[index % Categories.Length])),
            ("quantity", quantity),
            ("unit_price", price),
        };
        if (Chance(0.7))
        {
            fields.Add(("discount", Odd(0.05) ? Pick(Amounts) : Money(_random.Next(0, 50))));
        }

        Shuffle(fields, 4 * _oddness * 0.03);
        if (Odd(0.02))
        {
            fields.Insert(_random.Next(fields.Count + 1), ("colour", Quote("red")));
        }

        Token("{");
        for (var i = 0; i < fields.Count; i++)
        {
            Field(fields[i].Name, fields[i].Value, i < fields.Count - 1 ? "," : "");
        }

        Token("}");
    }

    /// <summary>
    /// A string token of <paramref name="text"/>, now and then with escapes (valid, of a control character, of a lone
    /// surrogate, invalid), a raw control character or a byte that is not UTF-8.
    /// </summary>
    private string Text(string text) => (Odd(0.05) ? _random.Next(9) : 9) switch
    {
        0 when text.Length > 0 => Quote($"\\u{(int)text[0]:x4}{text[1..]}"),
        1 => Quote(text + "\\t"),
        2 => Quote(text + "\t"),
        3 => Quote(text + "ÿ"),
        4 => Quote(text + " \\\"12\\\""),
        5 => Quote(text + "\\\\\\/"),
        6 => Quote(text + "\\ud83d\\ude00"),
        7 => Quote(text + "\\ud800"),
        8 => Quote(text + "\\x"),
        _ => Quote(text),
    };

    private static string Quote(string text) => $"\"{text}\"";

    private static string Money(int cents) => (cents / 100m).ToString(CultureInfo.InvariantCulture);

    private void Field(string name, string value, string separator)
    {
        Key(name);
        Token(value);
        Token(separator);
    }

    private void Key(string name)
    {
        Token(Quote(name));
        Token(":");
    }

    /// <summary>Appends <paramref name="token"/>, in files with whitespace after some random whitespace.</summary>
    private void Token(string token)
    {
        if (token.Length == 0)
        {
            return;
        }

        while (_random.NextDouble() < _whitespace)
        {
            _json.Append(Pick([" ", "\n", "\t", "\r\n"]));
        }

        _json.Append(token);
    }

    private void Shuffle<T>(List<T> list, double probability)
    {
        if (Chance(probability))
        {
            var i = _random.Next(list.Count);
            var j = _random.Next(list.Count);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>A chance of something odd: none in half of the files, scaled by the file's oddness in the others.</summary>
    private bool Odd(double probability) => Chance(4 * _oddness * probability);

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
}
