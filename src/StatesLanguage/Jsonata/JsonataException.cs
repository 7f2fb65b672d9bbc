namespace StatesLanguage.Jsonata;

/// <summary>
/// A JSONata expression that cannot be compiled or evaluated. <see cref="Code"/> is the language's error code (S0xxx
/// syntax, T0xxx–T2xxx types, D1xxx–D3xxx dynamic, U1001 limits), <see cref="Exception.Message"/> its text as the
/// reference implementation words it (with the token or value filled in), <see cref="Position"/> the character offset
/// in the expression where it was found (−1 when unknown) and <see cref="Token"/> the offending token or value, when
/// there is one.
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int position = -1, string? token = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Position = position;
        Token = token;
    }

    public string Code { get; }

    public int Position { get; }

    public string? Token { get; }
}
