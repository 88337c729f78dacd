using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicCalendarVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A counter that every change to the clinic's calendar (clinic row, opening hours, closures, staffing) bumps
            // in the same transaction, whoever writes (the app, another instance, psql): ClinicCalendarService keeps the
            // loaded calendar while the counter it read is unchanged. Statement-level, so a bulk change bumps it once.
            migrationBuilder.Sql("""
                CREATE TABLE clinic_calendar_version (
                    id integer PRIMARY KEY CHECK (id = 1),
                    version bigint NOT NULL
                );
                INSERT INTO clinic_calendar_version (id, version) VALUES (1, 0);
                CREATE FUNCTION bump_clinic_calendar_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE clinic_calendar_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER clinics_bump_calendar_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clinics
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_clinic_calendar_version();
                CREATE TRIGGER opening_hours_bump_calendar_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opening_hours
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_clinic_calendar_version();
                CREATE TRIGGER clinic_closures_bump_calendar_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clinic_closures
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_clinic_calendar_version();
                CREATE TRIGGER staffing_days_bump_calendar_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staffing_days
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_clinic_calendar_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER clinics_bump_calendar_version ON clinics;
                DROP TRIGGER opening_hours_bump_calendar_version ON opening_hours;
                DROP TRIGGER clinic_closures_bump_calendar_version ON clinic_closures;
                DROP TRIGGER staffing_days_bump_calendar_version ON staffing_days;
                DROP FUNCTION bump_clinic_calendar_version();
                DROP TABLE clinic_calendar_version;
                """);
        }
    }
}
