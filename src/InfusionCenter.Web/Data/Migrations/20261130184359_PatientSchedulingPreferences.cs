using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientSchedulingPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "preferred_time",
                table: "patients",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int[]>(
                name: "preferred_weekdays",
                table: "patients",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "preferred_time",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "preferred_weekdays",
                table: "patients");
        }
    }
}
