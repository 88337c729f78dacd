using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentCompletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "actual_end",
                table: "appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "actual_start",
                table: "appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "amount_given",
                table: "appointments",
                type: "numeric(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "lot_expiry",
                table: "appointments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lot_number",
                table: "appointments",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "no_show_at",
                table: "appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reaction_action",
                table: "appointments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reaction_severity",
                table: "appointments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_appointments_actual_order",
                table: "appointments",
                sql: "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_appointments_actual_order",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "actual_end",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "actual_start",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "amount_given",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "lot_expiry",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "lot_number",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "no_show_at",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "reaction_action",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "reaction_severity",
                table: "appointments");
        }
    }
}
