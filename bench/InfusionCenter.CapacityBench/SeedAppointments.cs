using Npgsql;
using NpgsqlTypes;

internal static partial class Seed
{
    /// <summary>The visits as appointments (binary COPY, explicit ids), with the exclusion constraints off during the load.</summary>
    private static async Task WriteAppointmentsAsync(NpgsqlConnection connection, List<Visit> visits, int doseId, bool validate)
    {
        // The two exclusion constraints (GiST) are dropped for the load and added back afterwards: building them in
        // bulk is much faster than checking row by row, and adding them validates that no active appointments overlap.
        var constraints = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'appointments'::regclass AND contype = 'x'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                constraints.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in constraints)
        {
            await using var drop = new NpgsqlCommand($"ALTER TABLE appointments DROP CONSTRAINT {name}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"  doses written ({doseId:N0}); writing {visits.Count:N0} appointments...");
        await using (var appointments = await connection.BeginBinaryImportAsync(
            "COPY appointments (id, patient_id, dose_id, protocol_code, chair_id, starts_at, ends_at, status, booked_by, booked_at, in_chair_at, completed_at, cancelled_at, cancel_reason) FROM STDIN (FORMAT BINARY)"))
        {
            appointments.Timeout = TimeSpan.FromMinutes(30);
            var id = 0;
            foreach (var v in visits)
            {
                await appointments.StartRowAsync();
                await appointments.WriteAsync(++id, NpgsqlDbType.Integer);
                await appointments.WriteAsync(v.Patient, NpgsqlDbType.Integer);
                await WriteNullable(appointments, v.Dose, NpgsqlDbType.Integer);
                await WriteNullable(appointments, v.Protocol, NpgsqlDbType.Varchar);
                await appointments.WriteAsync(v.Chair, NpgsqlDbType.Integer);
                await appointments.WriteAsync(v.Start, NpgsqlDbType.TimestampTz);
                await appointments.WriteAsync(v.End, NpgsqlDbType.TimestampTz);
                await appointments.WriteAsync(v.Status, NpgsqlDbType.Varchar);
                await appointments.WriteAsync("bench", NpgsqlDbType.Varchar);
                await appointments.WriteAsync(v.Start.AddDays(-21), NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.InChair, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Completed, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Status == "Cancelled" ? v.Start.AddDays(-2) : (DateTime?)null, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Status == "Cancelled" ? "Patient request" : null, NpgsqlDbType.Varchar);
            }

            await appointments.CompleteAsync();
        }

        if (!validate && constraints.Count > 0)
        {
            Console.WriteLine("  exclusion constraints left off (the capacity queries never use their GiST indexes; --validate adds them back, ~8 min)");
        }

        foreach (var (name, definition) in validate ? constraints : [])
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var add = new NpgsqlCommand($"ALTER TABLE appointments ADD CONSTRAINT {name} {definition}", connection) { CommandTimeout = 0 };
            await add.ExecuteNonQueryAsync();
            Console.WriteLine($"  {name} added back (validated) in {watch.Elapsed.TotalSeconds:0} s");
        }

        await using (var command = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('doses', 'id'), (SELECT max(id) FROM doses)); " +
            "SELECT setval(pg_get_serial_sequence('appointments', 'id'), (SELECT max(id) FROM appointments));", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, type);
        }
    }
}
