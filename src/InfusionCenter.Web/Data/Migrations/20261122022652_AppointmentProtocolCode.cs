using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentProtocolCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "protocol_code",
                table: "appointments",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            // Backfill existing appointments from their dose's regimen (the code is copied at booking from now on).
            migrationBuilder.Sql("""
                UPDATE appointments a SET protocol_code = p.code
                FROM doses d
                JOIN regimens r ON r.id = d.regimen_id
                JOIN protocol_versions v ON v.id = r.protocol_version_id
                JOIN protocols p ON p.id = v.protocol_id
                WHERE d.id = a.dose_id AND a.protocol_code IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "protocol_code",
                table: "appointments");
        }
    }
}
