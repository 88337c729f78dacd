using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace InfusionCenter.Web.Infrastructure;

/// <summary>What a database failure means for the person or client that caused it.</summary>
public enum DatabaseFault
{
    None,

    /// <summary>The database cannot be reached or is restarting: 503, try again shortly.</summary>
    Unavailable,

    /// <summary>Two requests raced (deadlock, serialization failure): 409, nothing was saved, try again.</summary>
    Race,

    /// <summary>Text PostgreSQL cannot store (NUL, invalid encoding): 400.</summary>
    BadText,

    /// <summary>Text longer than its column: 400.</summary>
    TooLong,

    /// <summary>A date or number outside what PostgreSQL or .NET can hold: 400.</summary>
    OutOfRange,
}

/// <summary>Classifies exceptions from Npgsql/EF Core (anywhere in the inner-exception chain).</summary>
public static class DatabaseFaults
{
    public static DatabaseFault Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState switch
                    {
                        "40P01" or "40001" or "23P01" or "23505" => DatabaseFault.Race,
                        "22021" or "22P05" => DatabaseFault.BadText,
                        "22001" => DatabaseFault.TooLong,
                        "22008" or "22003" or "22007" => DatabaseFault.OutOfRange,
                        var s when s.StartsWith("08", StringComparison.Ordinal) || s is "57P01" or "57P02" or "57P03" or "53300" => DatabaseFault.Unavailable,
                        _ => DatabaseFault.None,
                    };
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException:
                    return DatabaseFault.Unavailable;
                case SocketException:
                    return DatabaseFault.Unavailable;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.Ordinal):
                    return DatabaseFault.Unavailable;
                case DbUpdateConcurrencyException:
                    return DatabaseFault.Race;
                case DbUpdateException or RetryLimitExceededException:
                    continue;
            }
        }

        return DatabaseFault.None;
    }

    /// <summary>The words a user reads for a fault (the API's ProblemDetails detail and the UI's error line).</summary>
    public static string? Describe(DatabaseFault fault) => fault switch
    {
        DatabaseFault.Unavailable => "The database is not answering right now (it may be restarting). Nothing was saved; try again in a moment.",
        DatabaseFault.Race => "Someone else changed the same thing at the same moment. Nothing was saved; reload and try again.",
        DatabaseFault.BadText => JsonInput.NulMessage,
        DatabaseFault.TooLong => "A text is longer than allowed. Shorten it and try again.",
        DatabaseFault.OutOfRange => "A date or number is outside the range that can be stored.",
        _ => null,
    };
}
