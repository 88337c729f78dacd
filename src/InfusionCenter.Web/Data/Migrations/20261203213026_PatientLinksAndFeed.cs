using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InfusionCenter.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatientLinksAndFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "calendar_feed_created_at",
                table: "patients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_feed_created_by",
                table: "patients",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_feed_token_hash",
                table: "patients",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_attempt_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "cancelled_by_patient",
                table: "appointments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "patient_confirmed_at",
                table: "appointments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "message_link_uses",
                columns: table => new
                {
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: false),
                    appointment_id = table.Column<int>(type: "integer", nullable: false),
                    action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_link_uses", x => x.link_id);
                    table.ForeignKey(
                        name: "fk_message_link_uses_appointments_appointment_id",
                        column: x => x.appointment_id,
                        principalTable: "appointments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_message_link_uses_outbox_messages_outbox_message_id",
                        column: x => x.outbox_message_id,
                        principalTable: "outbox_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_patients_calendar_feed_token_hash",
                table: "patients",
                column: "calendar_feed_token_hash",
                unique: true,
                filter: "calendar_feed_token_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_message_link_uses_appointment_id_action",
                table: "message_link_uses",
                columns: new[] { "appointment_id", "action" });

            migrationBuilder.CreateIndex(
                name: "ix_message_link_uses_outbox_message_id",
                table: "message_link_uses",
                column: "outbox_message_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_link_uses");

            migrationBuilder.DropIndex(
                name: "ix_patients_calendar_feed_token_hash",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "calendar_feed_created_at",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "calendar_feed_created_by",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "calendar_feed_token_hash",
                table: "patients");

            migrationBuilder.DropColumn(
                name: "last_attempt_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "cancelled_by_patient",
                table: "appointments");

            migrationBuilder.DropColumn(
                name: "patient_confirmed_at",
                table: "appointments");
        }
    }
}
