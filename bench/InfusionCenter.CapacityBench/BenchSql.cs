using System.Globalization;
using InfusionCenter.Web.Features.Capacity;
using Npgsql;

/// <summary>Plain Npgsql helpers of the benchmark: run or EXPLAIN a capacity query with its session settings, medians.</summary>
internal static class BenchSql
{
    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static async Task<int> RunQuery(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var settings = new NpgsqlCommand(CapacityService.SessionSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        await reader.CloseAsync();
        await transaction.CommitAsync();
        return rows;
    }

    public static async Task<List<string>> Explain(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var settings = new NpgsqlCommand(CapacityService.SessionSettings, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        await reader.CloseAsync();
        await transaction.CommitAsync();
        return lines;
    }

    public static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }
}
