using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Readiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "order_required",
                table: "clinics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "coverages",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patient_id = table.Column<int>(type: "integer", nullable: false),
                    payer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    plan = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    member_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    primary = table.Column<bool>(type: "boolean", nullable: false),
                    verified_on = table.Column<DateOnly>(type: "date", nullable: true),
                    verified_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    reverify_by = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coverages", x => x.id);
                    table.CheckConstraint("ck_coverages_reverify_after_verified", "reverify_by IS NULL OR verified_on IS NULL OR reverify_by > verified_on");
                    table.ForeignKey(
                        name: "fk_coverages_patients_patient_id",
                        column: x => x.patient_id,
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "drug_supplies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dose_id = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    expected_arrival = table.Column<DateOnly>(type: "date", nullable: true),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_drug_supplies", x => x.id);
                    table.CheckConstraint("ck_drug_supplies_received", "(status IN ('Received', 'Prepared')) = (received_on IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_drug_supplies_doses_dose_id",
                        column: x => x.dose_id,
                        principalTable: "doses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prior_authorizations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    regimen_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    approved_from = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_to = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_doses = table.Column<int>(type: "integer", nullable: true),
                    site_of_care = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prior_authorizations", x => x.id);
                    table.CheckConstraint("ck_prior_authorizations_approved_dates", "status <> 'Approved' OR (approved_from IS NOT NULL AND approved_to IS NOT NULL)");
                    table.CheckConstraint("ck_prior_authorizations_approved_order", "approved_to IS NULL OR approved_from IS NULL OR approved_to >= approved_from");
                    table.CheckConstraint("ck_prior_authorizations_decided_order", "decided_on IS NULL OR submitted_on IS NULL OR decided_on >= submitted_on");
                    table.CheckConstraint("ck_prior_authorizations_doses_positive", "approved_doses IS NULL OR approved_doses > 0");
                    table.ForeignKey(
                        name: "fk_prior_authorizations_regimens_regimen_id",
                        column: x => x.regimen_id,
                        principalTable: "regimens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "readiness_rules",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    blocking = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_rules", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "treatment_orders",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    regimen_id = table.Column<int>(type: "integer", nullable: false),
                    signed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_treatment_orders", x => x.id);
                    table.CheckConstraint("ck_treatment_orders_valid_order", "valid_until >= signed_on");
                    table.ForeignKey(
                        name: "fk_treatment_orders_regimens_regimen_id",
                        column: x => x.regimen_id,
                        principalTable: "regimens",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coverages_patient_id",
                table: "coverages",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_drug_supplies_dose_id",
                table: "drug_supplies",
                column: "dose_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prior_authorizations_regimen_id",
                table: "prior_authorizations",
                column: "regimen_id");

            migrationBuilder.CreateIndex(
                name: "ix_prior_authorizations_status_approved_to",
                table: "prior_authorizations",
                columns: new[] { "status", "approved_to" });

            migrationBuilder.CreateIndex(
                name: "ix_treatment_orders_regimen_id",
                table: "treatment_orders",
                column: "regimen_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coverages");

            migrationBuilder.DropTable(
                name: "drug_supplies");

            migrationBuilder.DropTable(
                name: "prior_authorizations");

            migrationBuilder.DropTable(
                name: "readiness_rules");

            migrationBuilder.DropTable(
                name: "treatment_orders");

            migrationBuilder.DropColumn(
                name: "order_required",
                table: "clinics");
        }
    }
}
