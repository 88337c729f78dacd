using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtocolsPatientsRegimens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "drugs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    generic_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    brand_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drugs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "protocols",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    drug_id = table.Column<int>(type: "integer", nullable: false),
                    current_version = table.Column<int>(type: "integer", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protocols", x => x.id);
                    table.ForeignKey(
                        name: "fk_protocols_drugs_drug_id",
                        column: x => x.drug_id,
                        principalTable: "drugs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protocol_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    protocol_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_protocol_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_protocol_versions_protocols_protocol_id",
                        column: x => x.protocol_id,
                        principalTable: "protocols",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "regimens",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patient_id = table.Column<int>(type: "integer", nullable: false),
                    protocol_version_id = table.Column<int>(type: "integer", nullable: false),
                    start = table.Column<DateOnly>(type: "date", nullable: false),
                    until = table.Column<DateOnly>(type: "date", nullable: false),
                    prior_cumulative_mg_per_m2 = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    days = table.Column<int>(type: "integer", nullable: true),
                    interval_override_value = table.Column<int>(type: "integer", nullable: true),
                    interval_override_unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    bsa = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stop_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regimens", x => x.id);
                    table.ForeignKey(
                        name: "fk_regimens_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_regimens_protocol_versions_protocol_version_id",
                        column: x => x.protocol_version_id,
                        principalTable: "protocol_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "doses",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    regimen_id = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    target_date = table.Column<DateOnly>(type: "date", nullable: false),
                    earliest = table.Column<DateOnly>(type: "date", nullable: false),
                    latest = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    amount_per_m2 = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    chair_minutes = table.Column<int>(type: "integer", nullable: false),
                    course = table.Column<int>(type: "integer", nullable: false),
                    day_in_course = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    given_on = table.Column<DateOnly>(type: "date", nullable: true),
                    warning = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_doses", x => x.id);
                    table.ForeignKey(
                        name: "fk_doses_regimens_regimen_id",
                        column: x => x.regimen_id,
                        principalTable: "regimens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_doses_regimen_id_sequence",
                table: "doses",
                columns: new[] { "regimen_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_doses_status_target_date",
                table: "doses",
                columns: new[] { "status", "target_date" });

            migrationBuilder.CreateIndex(
                name: "ix_drugs_generic_name",
                table: "drugs",
                column: "generic_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_protocol_versions_protocol_id_version",
                table: "protocol_versions",
                columns: new[] { "protocol_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_protocols_code",
                table: "protocols",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_protocols_drug_id",
                table: "protocols",
                column: "drug_id");

            migrationBuilder.CreateIndex(
                name: "ix_regimens_patient_id",
                table: "regimens",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_regimens_protocol_version_id",
                table: "regimens",
                column: "protocol_version_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "doses");

            migrationBuilder.DropTable(
                name: "regimens");

            migrationBuilder.DropTable(
                name: "protocol_versions");

            migrationBuilder.DropTable(
                name: "protocols");

            migrationBuilder.DropTable(
                name: "drugs");
        }
    }
}
