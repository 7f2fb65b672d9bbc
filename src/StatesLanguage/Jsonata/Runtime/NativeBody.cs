namespace StatesLanguage.Jsonata.Runtime;

/// <summary>A native function's body: validated arguments in, a value (or null for undefined) out.</summary>
internal delegate object? NativeBody(CallContext context, object?[] arguments);
