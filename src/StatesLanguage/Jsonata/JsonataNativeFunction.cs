namespace StatesLanguage.Jsonata;

/// <summary>
/// A function written in C# and called from JSONata. It receives the arguments after validation against its
/// signature (a context value filled in for <c>-</c>, a single value wrapped for an array parameter); an argument
/// that is a function arrives as undefined. Throw <see cref="JsonataException"/> for errors.
/// </summary>
public delegate JsonataValue JsonataNativeFunction(IReadOnlyList<JsonataValue> arguments);
