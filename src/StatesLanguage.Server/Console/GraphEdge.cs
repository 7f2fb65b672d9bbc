namespace StatesLanguage.Server.Console;

/// <summary>A transition; <see cref="Upward"/> when it goes back up (a loop), drawn around the right side.</summary>
internal sealed record GraphEdge(GraphNode From, GraphNode To, GraphEdgeKind Kind, bool Upward);
