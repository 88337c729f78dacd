using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DoseOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "option_chosen_by",
                table: "doses",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "option_code",
                table: "doses",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rebook_reason",
                table: "doses",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "prefer_shorter_options",
                table: "clinics",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "option_chosen_by",
                table: "doses");

            migrationBuilder.DropColumn(
                name: "option_code",
                table: "doses");

            migrationBuilder.DropColumn(
                name: "rebook_reason",
                table: "doses");

            migrationBuilder.DropColumn(
                name: "prefer_shorter_options",
                table: "clinics");
        }
    }
}
