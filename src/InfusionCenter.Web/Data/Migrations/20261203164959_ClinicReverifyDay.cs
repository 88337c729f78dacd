using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClinicReverifyDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "reverify_day",
                table: "clinics",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "reverify_month",
                table: "clinics",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddCheckConstraint(
                name: "ck_clinics_reverify_day",
                table: "clinics",
                sql: "reverify_month between 1 and 12 and reverify_day between 1 and 31 and (reverify_month <> 2 or reverify_day <= 29) and (reverify_month not in (4, 6, 9, 11) or reverify_day <= 30)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_clinics_reverify_day",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "reverify_day",
                table: "clinics");

            migrationBuilder.DropColumn(
                name: "reverify_month",
                table: "clinics");
        }
    }
}
